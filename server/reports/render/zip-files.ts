import JSZip from "jszip";

/** Packs named text files into one zip; the only module importing jszip. */
export async function zipFiles(files: { name: string; content: string }[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const file of files) zip.file(file.name, file.content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
