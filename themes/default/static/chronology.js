// The chronology's filters, by topic and by party. Without JavaScript the page links each
// topic to its own timeline and each party to its page; here those links become toggle
// buttons that show, in place, only the events about the pressed topics (any of them) and
// claimed by the pressed parties (any of them), hiding months and years left empty.
document.addEventListener("DOMContentLoaded", () => {
  const events = [...document.querySelectorAll(".event[data-topics]")];
  const blocks = [...document.querySelectorAll(".month, .year")];
  const filters = [];
  const status = document.createElement("p");
  status.className = "meta";
  status.setAttribute("aria-live", "polite");

  function apply() {
    let shown = 0;
    for (const event of events) {
      event.hidden = !filters.every((filter) => filter.shows(event));
      shown += event.hidden ? 0 : 1;
    }
    for (const block of blocks) {
      block.hidden = !block.querySelector(".event:not([hidden])");
    }
    const any = filters.some((filter) => filter.pressed.size);
    status.textContent = any ? `Showing ${shown} of ${events.length} events.` : "";
  }

  // nav: the links; key: the links' and the events' data attribute; label: the group's name.
  function filter(nav, key, label, values) {
    if (!nav) return;
    const pressed = new Set();
    filters.push({ pressed, shows: (event) => !pressed.size || values(event).some((v) => pressed.has(v)) });
    const group = document.createElement("p");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", label);
    group.append(`${label}: `);
    for (const link of nav.querySelectorAll(`a[data-${key}]`)) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "tag";
      button.textContent = link.textContent;
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", () => {
        const value = link.dataset[key];
        const on = !pressed.has(value);
        if (on) pressed.add(value);
        else pressed.delete(value);
        button.setAttribute("aria-pressed", String(on));
        apply();
      });
      group.append(button, " ");
    }
    nav.replaceChildren(group);
    return nav;
  }

  const topics = filter(document.querySelector(".topic-filter"), "topic", "Show only events about",
    (event) => event.dataset.topics.split(" "));
  const parties = filter(document.querySelector(".party-filter"), "party", "Show only claims by",
    (event) => event.dataset.party.split(" "));
  (topics || parties)?.append(status);
});
