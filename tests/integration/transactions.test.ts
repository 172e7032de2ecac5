import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, transaction, type Transaction } from "@/db";
import { users } from "@/db/schema";
import { databaseKind } from "../support/database";
import { makeUser } from "../support/factories";

/*
 * db's retrying transaction: a transaction Postgres aborts as a deadlock victim runs again; anything
 * else surfaces at once. The real deadlock needs two connections, so only the server can show it.
 */

/** Resolves once `count` callers have arrived. */
function barrier(count: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived >= count) open();
    return opened;
  };
}

/** Locks `first`, waits for the other side to lock its own first row, then locks `second`. */
async function lockCrosswise(tx: Transaction, first: string, second: string, arrive: () => Promise<void>) {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, first)).for("update");
  await arrive();
  await tx.select({ id: users.id }).from(users).where(eq(users.id, second)).for("update");
}

const deadlockCode = { code: "40P01", message: "deadlock detected" };

describe("transaction", () => {
  it.skipIf(databaseKind === "pglite")("runs a deadlock victim again, so both crosswise transactions complete", async () => {
    const [a, b] = [await makeUser("executive"), await makeUser("executive")];
    // Without the retry, one of the two fails: the test's crossing really deadlocks.
    const db = await getDb();
    const plainArrive = barrier(2);
    const plain = await Promise.allSettled([
      db.transaction((tx) => lockCrosswise(tx, a.id, b.id, plainArrive)),
      db.transaction((tx) => lockCrosswise(tx, b.id, a.id, plainArrive)),
    ]);
    expect(plain.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect(JSON.stringify((plain.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toContain("40P01");

    const arrive = barrier(2);
    let runs = 0;
    const settled = await Promise.allSettled([
      transaction(async (tx) => {
        runs += 1;
        await lockCrosswise(tx, a.id, b.id, arrive);
      }),
      transaction(async (tx) => {
        runs += 1;
        await lockCrosswise(tx, b.id, a.id, arrive);
      }),
    ]);
    expect(settled.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(runs).toBe(3);
  });

  it("gives up after its attempts, and does not retry other errors", async () => {
    let runs = 0;
    await expect(
      transaction(async () => {
        runs += 1;
        throw Object.assign(new Error("deadlock detected"), { cause: deadlockCode });
      }, 3),
    ).rejects.toThrow("deadlock detected");
    expect(runs).toBe(3);

    runs = 0;
    await expect(
      transaction(async () => {
        runs += 1;
        throw Object.assign(new Error("duplicate key"), { code: "23505" });
      }),
    ).rejects.toThrow("duplicate key");
    expect(runs).toBe(1);
  });

  it("keeps nothing of an attempt that failed", async () => {
    const user = await makeUser("executive", { name: "Before" });
    let runs = 0;
    await transaction(async (tx) => {
      runs += 1;
      await tx.update(users).set({ name: `Attempt ${runs}` }).where(eq(users.id, user.id));
      if (runs === 1) throw Object.assign(new Error("serialization failure"), { code: "40001" });
    });
    const db = await getDb();
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, user.id));
    expect(row!.name).toBe("Attempt 2");
  });
});
