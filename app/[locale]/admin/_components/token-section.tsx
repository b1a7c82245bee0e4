import { getFormatter, getTranslations } from "next-intl/server";
import { TOKEN_SCOPES } from "@/lib/domain/roles";
import { listTokensOf } from "@/lib/queries/tokens";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";
import { createToken, revokeToken } from "./token-actions";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

/**
 * A user's API tokens: the list (never the tokens themselves), a form that creates one and
 * shows it once, and a revoke button per active token. Used on /account and on an admin's
 * page for each user; the commands decide who may do what.
 */
export async function TokenSection({ ownerId }: { ownerId: string }) {
  const t = await getTranslations("account.tokens");
  const format = await getFormatter();
  const tokens = await listTokensOf(ownerId);
  return (
    <section aria-labelledby="tokens-heading" className="admin-section">
      <h2 id="tokens-heading">{t("heading")}</h2>
      <p className="lead">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      {tokens.length === 0 ? (
        <p className="muted" data-testid="token-list-empty">
          {t("none")}
        </p>
      ) : (
        <div className="table-scroll">
          <table data-testid="token-list">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("prefix")}</th>
                <th scope="col">{t("scope")}</th>
                <th scope="col">{t("created")}</th>
                <th scope="col">{t("lastUsed")}</th>
                <th scope="col">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} data-testid="token-row" className={token.revokedAt ? "token--revoked" : undefined}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{t(`scopes.${token.scope}`)}</td>
                  <td>
                    {format.dateTime(new Date(token.createdAt), WHEN)}
                    <span className="muted block">{t("createdBy", { email: token.createdBy })}</span>
                  </td>
                  <td>{token.lastUsedAt ? format.dateTime(new Date(token.lastUsedAt), WHEN) : <span className="muted">{t("never")}</span>}</td>
                  <td>
                    {token.revokedAt ? (
                      <span className="badge token-badge--revoked">
                        {t("revoked", { date: format.dateTime(new Date(token.revokedAt), { dateStyle: "medium" }) })}
                      </span>
                    ) : (
                      <div className="token-status">
                        <span className="badge badge--completed">{t("active")}</span>
                        <RevokeTokenButton action={revokeToken.bind(null, token.id)} name={token.name} />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateTokenForm action={createToken.bind(null, ownerId)} scopes={TOKEN_SCOPES} />
    </section>
  );
}
