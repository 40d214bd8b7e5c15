import { rolesPage } from "../card-pages/roles-page";
import { runPopupPage } from "../card-pages/run-popup-page";

runPopupPage(rolesPage);
