/** The history actor of the report's own entries (the seed), as opposed to a person's change. */
export const SEED_ACTOR = "seed";

export const isSeedActor = (actor: string) => actor === SEED_ACTOR;

/**
 * Who made a change, as everyone may see it: the display name without the email address that
 * history stores beside it ("Ana Silva <ana@un.org>" → "Ana Silva"); a name that is itself an
 * address shows its local part only. The seed's label ("seed") is returned as it is: the
 * caller decides what to show for the report's own entries (see `isSeedActor`).
 */
export function actorDisplayName(actor: string): string {
  const name = actor.replace(/\s*<[^>]*>\s*$/, "").trim();
  return (name || actor.replace(/[<>\s]/g, "")).replace(/@.*$/, "");
}
