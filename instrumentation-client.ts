import { z } from "zod";

// Runs in the browser before the app's own modules. Zod probes `new Function` when it builds an object
// schema, to compile a faster parser; under our CSP (no 'unsafe-eval') that probe fails harmlessly but is
// still reported as a violation. Without JIT, zod parses the same, and nothing is reported.
z.config({ jitless: true });
