// Parses a GraphQL document with the real `graphql` parser (loaded on first use) and reduces it to
// what decides: the executed operations and their root fields with argument values resolved from
// the request's variables.
import { loadGraphql } from '../../../util/vendor.js';

/** An argument value that refers to a variable the request does not give. */
export class Unresolved {
  constructor(readonly name: string) {}
  toString(): string {
    return `$${this.name}`;
  }
}

export interface RootField {
  name: string;
  /** Argument values: strings, numbers (as their source text), booleans, null, lists, objects, Unresolved. */
  args: Record<string, unknown>;
}

export interface Operation {
  type: 'query' | 'mutation' | 'subscription';
  name?: string;
  fields: RootField[];
}

export type ParseResult = { ok: true; operations: Operation[] } | { ok: false; error: string };

// Minimal structural view of the AST (the Kind strings are stable across graphql-js versions).
interface AstNode {
  kind: string;
  [key: string]: unknown;
}
type NamedNode = AstNode & { name?: { value: string } };

function valueOf(node: AstNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case 'Variable': {
      const name = (node as NamedNode).name?.value ?? '';
      return Object.hasOwn(variables, name) ? variables[name] : new Unresolved(name);
    }
    case 'IntValue':
    case 'FloatValue':
    case 'StringValue':
    case 'EnumValue':
      return node.value;
    case 'BooleanValue':
      return node.value;
    case 'NullValue':
      return null;
    case 'ListValue':
      return (node.values as AstNode[]).map((v) => valueOf(v, variables));
    case 'ObjectValue': {
      const out: Record<string, unknown> = {};
      for (const field of node.fields as Array<AstNode & { name: { value: string }; value: AstNode }>) out[field.name.value] = valueOf(field.value, variables);
      return out;
    }
    default:
      return undefined;
  }
}

function collectFields(
  selections: AstNode[],
  fragments: Map<string, AstNode>,
  variables: Record<string, unknown>,
  out: RootField[],
  seen: Set<string>,
): void {
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const args: Record<string, unknown> = {};
      for (const arg of (selection.arguments as Array<AstNode & { name: { value: string }; value: AstNode }>) ?? []) {
        args[arg.name.value] = valueOf(arg.value, variables);
      }
      out.push({ name: (selection as NamedNode).name?.value ?? '', args });
    } else if (selection.kind === 'InlineFragment') {
      collectFields(((selection.selectionSet as AstNode).selections as AstNode[]) ?? [], fragments, variables, out, seen);
    } else if (selection.kind === 'FragmentSpread') {
      const name = (selection as NamedNode).name?.value ?? '';
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      seen.add(name);
      collectFields(((fragment.selectionSet as AstNode).selections as AstNode[]) ?? [], fragments, variables, out, seen);
    }
  }
}

/**
 * The operations the server would execute: the one named by `operationName`, else all of them
 * (one in a valid request; a server refuses several unnamed ones, and judging all fails closed).
 */
export function parseOperations(document: string, variables: Record<string, unknown>, operationName?: string): ParseResult {
  let ast: { definitions: readonly AstNode[] };
  try {
    ast = loadGraphql().parse(document, { noLocation: true, maxTokens: 20_000 }) as unknown as { definitions: readonly AstNode[] };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : 'syntax error' };
  }
  const fragments = new Map<string, AstNode>();
  const definitions: AstNode[] = [];
  for (const definition of ast.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments.set((definition as NamedNode).name?.value ?? '', definition);
    else if (definition.kind === 'OperationDefinition') definitions.push(definition);
  }
  let executed = definitions;
  if (operationName) {
    const named = definitions.filter((d) => (d as NamedNode).name?.value === operationName);
    if (named.length) executed = named;
  }
  const operations = executed.map((definition): Operation => {
    const fields: RootField[] = [];
    collectFields(((definition.selectionSet as AstNode).selections as AstNode[]) ?? [], fragments, variables, fields, new Set());
    return { type: definition.operation as Operation['type'], name: (definition as NamedNode).name?.value, fields };
  });
  return { ok: true, operations };
}
