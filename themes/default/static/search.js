// Full-text search: replace the "Browse topics" link with Pagefind UI, loaded from the index
// folder the build wrote (data-bundle, relative to this page, so the site works under any
// subpath). Pagefind fetches its index, which browsers block on file://, so the link stays
// there, and also when the index is missing (a site built without the Pagefind binary).
(() => {
  const form = document.querySelector("form[data-search][data-bundle]");
  if (!form || location.protocol === "file:") return;
  const bundle = new URL(form.dataset.bundle, document.baseURI).href;
  const script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = () => {
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = bundle + "pagefind-ui.css";
    document.head.append(style);
    const box = document.createElement("div");
    box.className = "search search-ui";
    form.replaceWith(box);
    new PagefindUI({
      element: box,
      bundlePath: bundle,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      openFilters: ["topic"],
    });
  };
  document.head.append(script);
})();
