// "New" chips: on the home page, the topic pages and the chronology, mark the articles and
// events added since the reader's last visit. What the reader has seen is kept in this
// browser's localStorage (per site, never sent anywhere); without JavaScript, or on a first
// visit, nothing is marked. An item marked new stays marked for the rest of the visit (this
// tab's sessionStorage), on every page showing it.
(() => {
  const KEPT = 50000; // ids remembered, the newest kept: a few hundred kilobytes at most
  const site = document.querySelector("a.site-title");
  if (!site) return;
  const key = "sitegen-seen:" + new URL(site.getAttribute("href"), location.href).href;
  const page = location.pathname;
  const read = (storage) => {
    try {
      return JSON.parse(storage.getItem(key)) || null;
    } catch {
      return null; // storage disabled or corrupt: nothing to compare with
    }
  };
  const write = (storage, value) => {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch {
      // full or disabled: the chips are a convenience
    }
  };
  document.addEventListener("DOMContentLoaded", () => {
    const items = new Map();
    for (const item of document.querySelectorAll("li.event[id], li.article-item[data-slug]")) {
      items.set(item.id ? "e:" + item.id : "a:" + item.dataset.slug, item);
    }
    const stored = read(localStorage) || { seen: [], pages: [] };
    const seen = new Set(stored.seen);
    const visited = stored.pages.includes(page);
    const marked = new Set(read(sessionStorage) || []);
    for (const [id, item] of items) {
      if (marked.has(id) || (visited && !seen.has(id))) {
        marked.add(id);
        const chip = document.createElement("span");
        chip.className = "new-chip";
        chip.textContent = "new";
        const line = item.querySelector(".event-date, .meta") || item;
        line.prepend(chip, " ");
      }
      seen.add(id);
    }
    if (!visited) stored.pages.push(page);
    write(localStorage, { seen: [...seen].slice(-KEPT), pages: stored.pages.slice(-KEPT) });
    write(sessionStorage, [...marked]);
  });
})();
