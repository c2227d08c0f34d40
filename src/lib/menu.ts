/** The menu item the current page belongs to: the longest menu path that is the page's path or a parent of it. */
export function currentMenuHref(pathname: string, hrefs: readonly string[]): string | undefined {
  return hrefs
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}
