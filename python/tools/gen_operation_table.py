#!/usr/bin/env python3
"""Write python/src/operation_table.rs from botocore's S3 service model.

The table says, for each S3 operation the package presigns, its HTTP method, the query text of
its request URI (``?uploads``, ``?list-type=2``) and, for every member of its input shape, where
boto3 puts it (URI, query, header, the ``x-amz-meta-`` header map, the body), under which wire
name and with which type. These are facts of the S3 API as botocore's model states them; the
package's own behaviour lives in python/src/operations.rs.

Usage:
    python3 python/tools/gen_operation_table.py          # rewrite the table
    python3 python/tools/gen_operation_table.py --check  # exit 1 if the committed table differs
"""

import collections
import os
import re
import sys

import botocore
import botocore.session

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "operation_table.rs")

# boto3 client method -> S3 operation. The ones a presigned URL serves (issue #16).
OPERATIONS = {
    "abort_multipart_upload": "AbortMultipartUpload",
    "complete_multipart_upload": "CompleteMultipartUpload",
    "create_multipart_upload": "CreateMultipartUpload",
    "delete_object": "DeleteObject",
    "get_object": "GetObject",
    "head_object": "HeadObject",
    "list_objects_v2": "ListObjectsV2",
    "list_parts": "ListParts",
    "put_object": "PutObject",
    "upload_part": "UploadPart",
}

METHODS = {"GET": "Get", "PUT": "Put", "POST": "Post", "HEAD": "Head", "DELETE": "Delete"}


def rust_str(s):
    assert all(0x20 <= ord(c) < 0x7F for c in s), s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def param_type(shape, location):
    t = shape.type_name
    if t == "string":
        return "Type::Str"
    if t in ("integer", "long"):
        return "Type::Int"
    if t == "boolean":
        return "Type::Bool"
    if t == "timestamp":
        default = "rfc822" if location == "header" else "iso8601"
        fmt = shape.serialization.get("timestampFormat", default)
        return {"rfc822": "Type::Timestamp(TimeFormat::Rfc822)", "iso8601": "Type::Timestamp(TimeFormat::Iso8601)"}[fmt]
    if t == "list":
        assert shape.member.type_name == "string", shape.name
        return "Type::StrList"
    if t == "map":
        assert shape.key.type_name == "string" and shape.value.type_name == "string", shape.name
        return "Type::StrMap"
    if t == "blob":
        return "Type::Blob"
    if t == "structure":
        return "Type::Structure"
    raise SystemExit("unhandled type %s for %s" % (t, shape.name))


def location_of(shape):
    loc = shape.serialization.get("location")
    return {
        "uri": "Location::Uri",
        "querystring": "Location::Query",
        "header": "Location::Header",
        "headers": "Location::HeaderMap",
        None: "Location::Body",
    }[loc]


def const_name(name):
    """``SSECustomerKeyMD5`` -> ``SSE_CUSTOMER_KEY_MD5``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).upper()


def param_of(name, shape, required):
    """A member as a ``Param`` constructor call."""
    location = shape.serialization.get("location")
    wire = shape.serialization.get("name", name)
    return "Param::new(%s, %s, %s, %s)%s" % (
        rust_str(name),
        location_of(shape),
        rust_str(wire.lower() if location == "header" else wire),
        param_type(shape, location),
        ".required()" if required else "",
    )


def wrap(items, indent, width=100):
    """``items`` joined by ", " in lines of at most ``width`` characters."""
    lines, line = [], ""
    for item in items:
        piece = item + ","
        if line and len(indent) + len(line) + 1 + len(piece) > width:
            lines.append(indent + line)
            line = piece
        else:
            line = piece if not line else line + " " + piece
    if line:
        lines.append(indent + line)
    return lines


def render():
    model = botocore.session.get_session().get_service_model("s3")
    ops = []  # (client_method, operation model, [(member name, fields)])
    uses = collections.Counter()  # (member name, fields) -> how many operations have it
    for client_method in sorted(OPERATIONS):
        op = model.operation_model(OPERATIONS[client_method])
        required = set(op.input_shape.required_members)
        members = [
            (name, param_of(name, shape, name in required))
            for name, shape in sorted(op.input_shape.members.items())
        ]
        uses.update(members)
        ops.append((client_method, op, members))
    # One constant per member definition; where operations define a member differently, the
    # most common definition keeps the plain name.
    consts = {}
    for (name, fields), _ in sorted(uses.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
        base = const_name(name)
        ident = base
        if base in consts.values():
            first = next(f for (n, f), c in consts.items() if c == base)
            if first.replace(".required()", "") == fields.replace(".required()", ""):
                ident = base + ("_REQUIRED" if fields.endswith(".required()") else "_OPTIONAL")
            else:
                wire = re.search(r'Location::\w+, "([^"]*)"', fields).group(1)
                ident = base + "_" + const_name(wire).replace("-", "_")
        assert ident not in consts.values(), ident
        consts[(name, fields)] = ident
    out = [
        "// @generated by python/tools/gen_operation_table.py from the S3 model of botocore %s."
        % botocore.__version__,
        "// Do not edit: rerun the script (CI checks that the file is what it writes).",
        "",
        "use crate::operations::{Location, Operation, Param, TimeFormat, Type};",
        "use presign::s3::Method;",
        "",
        "// The members, once each (operations share most of them).",
    ]
    for (_, fields), ident in sorted(consts.items(), key=lambda kv: kv[1]):
        out.append("const %s: Param = %s;" % (ident, fields))
    # Each operation's members, sorted by name: one list per distinct set (HeadObject's are
    # GetObject's), named after the first operation that has it.
    lists = {}  # tuple of constants -> list name
    for client_method, _, members in ops:
        idents = tuple(consts[m] for m in members)
        if idents not in lists:
            lists[idents] = client_method.upper()
            out += ["", "const %s: &[Param] = &[" % lists[idents], *wrap(idents, " " * 4), "];"]
    out += [
        "",
        "/// The presignable operations, sorted by boto3 client method name.",
        "pub(crate) static OPERATIONS: &[Operation] = &[",
    ]
    for client_method, op, members in ops:
        uri = op.http["requestUri"]
        path, _, query = uri.partition("?")
        fixed = []
        for part in query.split("&") if query else []:
            name, _, value = part.partition("=")
            fixed.append("(%s, %s)" % (rust_str(name), rust_str(value)))
        out.append(
            "    Operation { client_method: %s, method: Method::%s, has_key: %s, fixed_query: &[%s], params: %s },"
            % (
                rust_str(client_method),
                METHODS[op.http["method"]],
                "true" if "{Key+}" in path else "false",
                ", ".join(fixed),
                lists[tuple(consts[m] for m in members)],
            )
        )
    out += ["];", ""]
    return "\n".join(out)


def main():
    text = render()
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                print("python/src/operation_table.rs differs from what botocore %s gives: rerun %s"
                      % (botocore.__version__, os.path.relpath(__file__)))
                sys.exit(1)
        print("operation table: up to date with botocore %s" % botocore.__version__)
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s" % os.path.relpath(OUT))


if __name__ == "__main__":
    main()
