import { invoicePage } from "../card-pages/invoice-page";
import { runPopupPage } from "../card-pages/run-popup-page";

runPopupPage(invoicePage);
