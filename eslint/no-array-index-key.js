/**
 * `react/no-array-index-key`: a list item keyed by its position in `.map((item, i) => …)` keeps
 * its state when the list is reordered or filtered. Carteira does not depend on eslint-plugin-react
 * for this one rule; the few deliberate exceptions say why in an eslint-disable comment.
 */
const ITERATORS = new Set(['map', 'forEach', 'flatMap', 'filter', 'reduce', 'some', 'every']);

/**
 * The identifier a key is nothing but: `i`, `` `${i}` ``, `String(i)`. A key that combines the
 * index with the item's own data (`` `${phone}-${i}` ``, to tell repeated values apart) is stable.
 */
function bareIdentifier(node) {
  if (node?.type === 'Identifier') return node;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 1 && node.quasis.every((q) => q.value.raw === ''))
    return bareIdentifier(node.expressions[0]);
  if (node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'String' && node.arguments.length === 1)
    return bareIdentifier(node.arguments[0]);
  return undefined;
}

/** Whether `name` is the index parameter of an enclosing array-iteration callback. */
function isIndexParam(name, ancestors) {
  for (const fn of ancestors) {
    if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') continue;
    const call = fn.parent;
    if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) continue;
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') continue;
    const position = callee.property.name === 'reduce' ? 2 : 1;
    const param = fn.params[position];
    if (ITERATORS.has(callee.property.name) && param?.type === 'Identifier' && param.name === name) return true;
  }
  return false;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow array indexes as React keys' },
    schema: [],
    messages: { index: 'Do not use the array index as a key: use a stable id.' },
  },
  create(context) {
    return {
      JSXAttribute(node) {
        if (node.name.type !== 'JSXIdentifier' || node.name.name !== 'key' || node.value?.type !== 'JSXExpressionContainer') return;
        const ancestors = context.sourceCode.getAncestors(node).reverse();
        const id = bareIdentifier(node.value.expression);
        if (id && isIndexParam(id.name, ancestors)) context.report({ node: id, messageId: 'index' });
      },
    };
  },
};
