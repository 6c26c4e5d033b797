// Opened from disk (file://), a link to a folder shows a file listing instead of the page:
// point folder links at their index.html. On a web server nothing changes.
if (location.protocol === "file:") {
  document.addEventListener("DOMContentLoaded", () => {
    for (const link of document.querySelectorAll("a[href]")) {
      const href = link.getAttribute("href");
      if (!/^[a-z]+:/i.test(href) && !href.startsWith("#")) {
        const [path, hash] = href.split("#");
        if (path === "" || path.endsWith("/")) {
          link.setAttribute("href", path + "index.html" + (hash !== undefined ? "#" + hash : ""));
        }
      }
    }
  });
}
