import { scopePage } from "../card-pages/scope-page";
import { runPopupPage } from "../card-pages/run-popup-page";

runPopupPage(scopePage);
