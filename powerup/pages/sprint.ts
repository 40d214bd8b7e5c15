import { renderSprintPage } from "../board-pages/sprint-page";
import { startPage } from "../board-pages/start-page";

startPage(renderSprintPage);
