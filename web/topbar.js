// @ts-check
// The top bar in a narrow window: the less used file commands (encrypted save,
// exports, print) collapse into a "More" menu when the bar would overflow (in a
// wide window the toggle is hidden and the same buttons sit in the bar). Also the
// "Skip to the canvas" link, first in the tab order.

export function wireTopBar() {
  // Compact when the bar's buttons no longer fit: measured, not guessed from the
  // window width (labels, fonts and modes differ). `needs` is the width the full
  // bar took when it last overflowed; it comes back once there is that much room.
  const bar = /** @type {HTMLElement | null} */ (document.querySelector(".toolbar"));
  let needs = Infinity;
  const fit = () => {
    if (bar.dataset.compact && bar.clientWidth >= needs) delete bar.dataset.compact;
    if (!bar.dataset.compact && bar.scrollWidth > bar.clientWidth + 1) {
      needs = bar.scrollWidth;
      bar.dataset.compact = "1";
    }
  };
  if (bar && typeof ResizeObserver === "function") new ResizeObserver(fit).observe(bar);

  const more = /** @type {HTMLElement | null} */ (document.querySelector('[data-role="file-more"]'));
  const toggle = /** @type {HTMLElement | null} */ (document.querySelector('[data-role="file-more-toggle"]'));
  const menu = document.querySelector('[data-role="file-more-menu"]');
  if (more && toggle && menu) {
    const setOpen = (open) => {
      if (open) more.dataset.open = "1";
      else delete more.dataset.open;
      toggle.setAttribute("aria-expanded", String(open));
    };
    toggle.addEventListener("click", () => {
      const open = !more.dataset.open;
      setOpen(open);
      if (open) /** @type {HTMLElement | null} */ (menu.querySelector("button:not([hidden])"))?.focus();
    });
    // A command from the menu closes it (the command itself runs as usual).
    menu.addEventListener("click", (event) => {
      if (event.target instanceof Element && event.target.closest("button")) setOpen(false);
    });
    menu.addEventListener("keydown", (/** @type {KeyboardEvent} */ event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      toggle.focus();
    });
    document.addEventListener("pointerdown", (event) => {
      if (more.dataset.open && event.target instanceof Node && !more.contains(event.target)) setOpen(false);
    }, true);
    more.addEventListener("focusout", (/** @type {FocusEvent} */ event) => {
      if (more.dataset.open && !(event.relatedTarget instanceof Node && more.contains(event.relatedTarget))) {
        setOpen(false);
      }
    });
  }

  const skip = document.querySelector('[data-role="skip-to-canvas"]');
  skip?.addEventListener("click", (event) => {
    // Focus the canvas without touching the URL's fragment (#d=… is a share link).
    event.preventDefault();
    /** @type {SVGElement | null} */ (document.querySelector("#canvas"))?.focus({ preventScroll: true });
  });
}
