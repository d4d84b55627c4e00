// Maqal browser extension: the toolbar action reads the current tab (its selection if there is one,
// else its HTML) and opens Maqal's viewer, shipped inside the extension, on it. Nothing leaves the browser.

/** Runs in the tab: the selected text, or the whole page's HTML. */
function readPage() {
  const selection = String(getSelection() || '');
  return {
    selection: selection.trim() ? selection : '',
    html: selection.trim() ? '' : document.documentElement.outerHTML,
    url: location.href,
    title: document.title,
  };
}

/** Hands the tab's page to a new viewer tab (index.html#ext=KEY reads it from session storage). */
async function openViewer(tab) {
  try {
    const [{ result: page }] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: readPage });
    const key = `page-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    await chrome.storage.session.set({ [key]: page });
    await chrome.tabs.create({ url: chrome.runtime.getURL(`index.html#ext=${key}`), index: tab.index + 1 });
  } catch (err) {
    // e.g. the browser's own pages, where extensions may not run scripts
    await chrome.action.setBadgeText({ tabId: tab.id, text: '!' });
    await chrome.action.setTitle({ tabId: tab.id, title: `Maqal cannot read this page: ${err.message}` });
  }
}

chrome.action.onClicked.addListener(openViewer);
self.openViewer = openViewer; // for the end-to-end test, which cannot press the toolbar button
