import { renderGuidePage } from "../board-pages/guide-page";
import { startPage } from "../board-pages/start-page";

startPage(renderGuidePage);
