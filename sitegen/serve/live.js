// sitegen serve: live reload. Injected by the preview server only, never written to the output.
(() => {
  const config = JSON.parse(document.currentScript.dataset.sitegenLive);
  const overlayId = "sitegen-build-errors";
  const reviewId = "sitegen-review";

  // The output file a URL is served from ("articles/x/index.html"), or null outside the site.
  const outputPath = (url) => {
    const path = decodeURIComponent(new URL(url, location.href).pathname);
    if (!path.startsWith(config.base)) return null;
    const name = path.slice(config.base.length);
    return name === "" || name.endsWith("/") ? name + "index.html" : name;
  };

  // Stylesheet renamed (fingerprint changed): load the new one, then drop the old one, so
  // the page keeps its state and never shows unstyled.
  const swapStyles = (renamed) => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const renamedTo = renamed[outputPath(link.href)];
      if (!renamedTo) continue;
      const fresh = link.cloneNode();
      fresh.href = config.base + renamedTo;
      fresh.addEventListener("load", () => link.remove(), { once: true });
      link.after(fresh);
    }
  };

  // This page needs reloading if its own file, or a file it embeds (image, script), changed.
  const affected = (names) => {
    const changed = new Set(names);
    if (config.files.some((name) => changed.has(name))) return true;
    return [...document.querySelectorAll("[src]")].some((el) => changed.has(outputPath(el.src)));
  };

  const showErrors = (problems) => {
    let overlay = document.getElementById(overlayId);
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = overlayId;
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "margin:0;padding:1em 1.5em;background:#2b0d0d;color:#ffe4e4;" +
        "font:14px/1.45 ui-monospace,monospace;box-shadow:0 -4px 16px #0008";
      document.body.append(overlay);
    }
    const heading = document.createElement("strong");
    heading.textContent = "sitegen: the build failed; this is the last good version of the page.";
    const list = document.createElement("pre");
    list.style.cssText = "margin:.6em 0 0;white-space:pre-wrap";
    list.textContent = problems.join("\n\n");
    overlay.replaceChildren(heading, list);
  };

  // The review list changed but this page did not: take the banner from the page served
  // now (the server adds it to every page while something needs review), keep the rest.
  const refreshReview = async (version) => {
    const response = await fetch(location.href, { cache: "no-store" });
    const served = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = served.getElementById(reviewId);
    const shown = document.getElementById(reviewId);
    if (fresh && shown) shown.replaceWith(document.importNode(fresh, true));
    else if (fresh) document.body.prepend(document.importNode(fresh, true));
    else shown?.remove();
    config.review = version;
  };

  const source = new EventSource(config.events + "?last=" + encodeURIComponent(config.last));
  source.addEventListener("build", (event) => {
    const data = JSON.parse(event.data);
    document.getElementById(overlayId)?.remove();
    if (data.styles) swapStyles(data.styles);
    else if (affected([...data.changed, ...data.removed])) location.reload();
    else if (data.review !== config.review) refreshReview(data.review);
  });
  source.addEventListener("errors", (event) => showErrors(JSON.parse(event.data).problems));
  source.addEventListener("reload", () => location.reload());
})();
