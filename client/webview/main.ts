/** Webview entry (browser bundle). */
document.body.dataset.podlens = 'ready';
