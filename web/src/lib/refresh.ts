// Lets a page ask for itself to be drawn again after an action changed what it shows, without
// importing the frame (which imports every page).
let redraw: () => void = () => undefined;

export function setRefresher(fn: () => void): void {
  redraw = fn;
}

export function refresh(): void {
  redraw();
}
