import { renderSprintReviewPage } from "../board-pages/sprint-review-page";
import { startPage } from "../board-pages/start-page";

startPage(renderSprintReviewPage);
