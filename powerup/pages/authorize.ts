import { renderAuthorizePage } from "../board-pages/authorize-page";
import { startPage } from "../board-pages/start-page";

startPage(renderAuthorizePage, { popup: true });
