import { runCardBack } from "../card-pages/card-back-page";

runCardBack();
