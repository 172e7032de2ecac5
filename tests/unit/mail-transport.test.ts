import { describe, expect, it } from "vitest";
import { withTimeouts } from "@/lib/mail/transport";

describe("the SMTP URL", () => {
  it("gets bounded timeouts, keeping credentials, host, port and any timeout the operator set", () => {
    const url = new URL(withTimeouts("smtps://user%40example.com:s%3Acret@mail.example.com:465/?socketTimeout=5000&pool=true"));
    expect(url.protocol).toBe("smtps:");
    expect(decodeURIComponent(url.username)).toBe("user@example.com");
    expect(decodeURIComponent(url.password)).toBe("s:cret");
    expect(url.host).toBe("mail.example.com:465");
    expect(Object.fromEntries(url.searchParams)).toEqual({ socketTimeout: "5000", pool: "true", connectionTimeout: "10000", greetingTimeout: "10000" });
  });
});
