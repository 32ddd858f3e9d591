/**
 * Copies text to the clipboard: the Clipboard API where the page may use it,
 * else the selection of `fallback` (a textarea holding the text) and the
 * older copy command, which also works in a page opened from disk.
 *
 * @returns Whether the text was copied.
 */
export async function copyText(text: string, fallback: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallback.focus();
    fallback.select();
    return document.execCommand("copy");
  }
}
