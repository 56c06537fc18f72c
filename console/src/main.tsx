import { render } from "preact";
import { loadConfig } from "./config.js";
import { Root } from "./root.js";
import "./styles.css";

const container = document.getElementById("app")!;
try {
  render(<Root config={await loadConfig()} />, container);
} catch (error) {
  // Without its settings the console cannot even sign in: say so in words, not a blank page.
  container.textContent = `The console could not load its settings (${(error as Error).message}). Reload the page; if it stays like this, tell your administrator.`;
}
