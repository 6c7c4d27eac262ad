/**
 * How a lookup matches namespaces, shared by the index and `memoryWorkspace` so that the panel's rebuilt list
 * answers as the index does: an object whose manifest names no namespace lands in whichever one it is applied to.
 */
export function sameNamespace(objectNs: string | undefined, wanted: string | undefined): boolean {
  return wanted === undefined || objectNs === undefined || objectNs === wanted;
}
