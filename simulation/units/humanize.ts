/** "ttftMsPer1kInputTokens" → "TTFT ms per 1k input tokens"; used when a field has no title. */
export function humanize(key: string): string {
  // The unit is shown beside the label, so "latencyMs" reads "Latency" (not "Latency ms").
  const bare = key.length > 4 ? key.replace(/(Ms|Usd)$/, '') : key;
  const words = bare
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_]+/)
    .filter(Boolean)
    .map((w) => (/^(ttft|tpm|rpm|itpm|otpm|llm|id|url|ttl|kb)$/i.test(w) ? w.toUpperCase() : w.toLowerCase()));
  const text = words.join(' ').replace(/\b(MS)\b/gi, 'ms');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
