// The chronology's topic filter. Without JavaScript the page links each topic to its own
// timeline; here those links become toggle buttons that show, in place, only the events
// about the pressed topics (any of them), hiding months and years left empty.
document.addEventListener("DOMContentLoaded", () => {
  const nav = document.querySelector(".topic-filter");
  if (!nav) return;
  const events = [...document.querySelectorAll(".event[data-topics]")];
  const blocks = [...document.querySelectorAll(".month, .year")];
  const pressed = new Set();
  const group = document.createElement("p");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Show only events about");
  group.append("Show only: ");
  const status = document.createElement("p");
  status.className = "meta";
  status.setAttribute("aria-live", "polite");

  function apply() {
    let shown = 0;
    for (const event of events) {
      const topics = event.dataset.topics.split(" ");
      event.hidden = pressed.size > 0 && !topics.some((topic) => pressed.has(topic));
      shown += event.hidden ? 0 : 1;
    }
    for (const block of blocks) {
      block.hidden = !block.querySelector(".event:not([hidden])");
    }
    status.textContent = pressed.size ? `Showing ${shown} of ${events.length} events.` : "";
  }

  for (const link of nav.querySelectorAll("a[data-topic]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "tag";
    button.textContent = link.textContent;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", () => {
      const topic = link.dataset.topic;
      const on = !pressed.has(topic);
      if (on) pressed.add(topic);
      else pressed.delete(topic);
      button.setAttribute("aria-pressed", String(on));
      apply();
    });
    group.append(button, " ");
  }
  nav.replaceChildren(group, status);
});
