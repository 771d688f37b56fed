"""Prints, as JSON, every call in a Python program with its keyword arguments, each value described by kind.

Used by examples.test.ts to check the Python example against the package schema without running it.
"""
import ast
import json
import sys


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def describe(node):
    if isinstance(node, ast.Constant):
        kind = {bool: "bool", int: "number", float: "number", str: "string"}.get(type(node.value), "other")
        return {"kind": kind, "value": node.value}
    if isinstance(node, ast.List):
        return {"kind": "list", "items": [describe(e) for e in node.elts]}
    if isinstance(node, ast.Dict):
        return {"kind": "dict", "values": [describe(v) for v in node.values]}
    if isinstance(node, ast.Call):
        return {"kind": "call", "func": dotted(node.func), "kwargs": {k.arg: describe(k.value) for k in node.keywords}}
    if isinstance(node, ast.Attribute):
        return {"kind": "attribute", "path": dotted(node)}
    return {"kind": "other"}


tree = ast.parse(open(sys.argv[1]).read())
calls = [describe(n) for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
print(json.dumps(calls))
