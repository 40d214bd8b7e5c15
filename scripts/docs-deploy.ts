import { projectRoot } from "../server/powerup/project-root";
import { main } from "./docs/deploy-capabilities";

main(projectRoot());
