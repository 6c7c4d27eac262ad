/**
 * Kubernetes variable expansion of command and args (third_party/forked/golang/expansion/expand.go, v1.36; kustomize
 * forks it for vars as api/filters/refvar/expand.go):
 * `$(VAR)` becomes the variable's value, `$$` an escaped `$`, and a reference to an unknown variable or an
 * unterminated `$(` stays literal. It runs before any shell sees the command.
 */

/**
 * @example expand('$(GREETING) $(NAME) $$(HOME) $(NOPE)', new Map([['GREETING', 'hi'], ['NAME', 'k8s']]))
 *   // 'hi k8s $(HOME) $(NOPE)'
 */
export function expand(input: string, vars: ReadonlyMap<string, string>): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1];
    if (next === '$') {
      out += '$';
      cursor += 1;
    } else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close === -1) {
        out += '$(';
        cursor += 1;
      } else {
        const name = input.slice(cursor + 2, close);
        out += vars.get(name) ?? `$(${name})`;
        cursor = close;
      }
    } else {
      out += `$${next}`;
      cursor += 1;
    }
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}
