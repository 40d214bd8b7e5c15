import { renderReportPage } from "../board-pages/report-page";
import { startPage } from "../board-pages/start-page";

startPage(renderReportPage);
