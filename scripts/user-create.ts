/**
 * Creates an account in the database that DATABASE_PATH names:
 *
 *   npm run user:create -- --email someone@un.org --role admin|editor|viewer [--name "…"] [--all-workstreams]
 *
 * The password is asked for (hidden), or read from standard input with --password-stdin.
 */
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { closeDb } from "@/db";
import { migrateCurrentDatabase } from "@/db/start";
import { describeDatabase } from "@/db/describe";
import { createUser } from "@/lib/commands/users";
import { AppError } from "@/lib/errors";

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function promptPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("No terminal to ask for the password: use --password-stdin.");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: write the question once, then echo nothing.
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(question);
  output._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "all-workstreams": { type: "boolean", default: false },
      "password-stdin": { type: "boolean", default: false },
    },
  });
  if (!values.email || !values.role) {
    throw new Error("Usage: npm run user:create -- --email <email> --role admin|editor|viewer [--name <name>] [--all-workstreams] [--password-stdin]");
  }
  let password: string;
  if (values["password-stdin"]) {
    password = await readPasswordFromStdin();
  } else {
    password = await promptPassword("Password (at least 12 characters): ");
    const again = await promptPassword("Repeat the password: ");
    if (again !== password) throw new Error("The passwords differ.");
  }
  await migrateCurrentDatabase();
  const user = await createUser({
    email: values.email,
    role: values.role as "viewer",
    name: values.name,
    password,
    allWorkstreams: values["all-workstreams"],
  });
  console.log(`Created ${user.role} ${user.email} in ${describeDatabase()}`);
}

main()
  .catch((error: unknown) => {
    const detail =
      error instanceof AppError && error.invalidParams.length
        ? error.invalidParams.map((p) => `${p.name} ${p.reason}`).join("; ")
        : error instanceof Error
          ? error.message
          : String(error);
    console.error(`Could not create the account: ${detail}`);
    process.exitCode = 1;
  })
  .finally(closeDb);
