import { renderSettingsPage } from "../board-pages/settings-page";
import { startPage } from "../board-pages/start-page";

startPage(renderSettingsPage, { popup: true });
