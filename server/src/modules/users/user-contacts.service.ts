import type { AppContext } from '../../platform/context.js';

/** The e-mail address and language of an active account, for notification mail; null when inactive or unknown. */
export async function mailContactOf(
  ctx: AppContext,
  userId: string,
): Promise<{ email: string; displayName: string; locale: 'nl' | 'en' } | null> {
  const row = await ctx.db
    .selectFrom('users')
    .select(['email', 'display_name', 'locale', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row || row.active !== 1) return null;
  return { email: row.email, displayName: row.display_name, locale: row.locale === 'en' ? 'en' : 'nl' };
}
