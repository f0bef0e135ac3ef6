/**
 * How the app names a node wherever it prints one: its name with its id, "Answer (llm)", as the
 * scenario diff and the what-if parameters do — the name is what the canvas shows, the id what the
 * file and the CLI use. A node without a name (or named as its id) is its id alone.
 */
export function nodeLabel(nodes: ReadonlyArray<{ id: string; name?: string }>, id: string): string {
  const name = nodes.find((n) => n.id === id)?.name;
  return name && name !== id ? `${name} (${id})` : id;
}

/** A node's name alone (its id when it has none), for sentences and chart labels where the id would be noise. */
export function nodeName(nodes: ReadonlyArray<{ id: string; name?: string }>, id: string): string {
  return nodes.find((n) => n.id === id)?.name || id;
}

/** What a fault hits, in words: "quota openai" for a limit cut, else the node's name. */
export function faultTargetName(nodes: ReadonlyArray<{ id: string; name?: string }>, fault: { type: string; target: string }): string {
  return fault.type === 'limit-cut' ? `quota ${fault.target}` : nodeName(nodes, fault.target);
}
