import { milestonePage } from "../card-pages/milestone-page";
import { runPopupPage } from "../card-pages/run-popup-page";

runPopupPage(milestonePage);
