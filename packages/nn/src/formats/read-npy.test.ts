import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { assertOneLineError } from "../test-support/errors.js";
import {
  DATA_FIXTURES,
  decodeNumber,
  fixtureBytes,
  fixtureJson,
  type JsonNumber,
  sameNumber,
} from "../test-support/fixtures.js";
import type { NdArray } from "./nd-array.js";
import { readNpy } from "./read-npy.js";

interface ArrayCase {
  readonly file: string;
  readonly dtype: string;
  readonly shape: number[];
  readonly values: JsonNumber[];
}

interface Manifest {
  readonly npy: ArrayCase[];
  readonly refuse: { file: string; error: "TypeError" | "RangeError"; message: string }[];
}

// Made by scripts/fixtures/data.py with NumPy (np.save, np.lib.format.write_array).
const manifest = fixtureJson<Manifest>("manifest.json")!;

/** Asserts an array equals a manifest case exactly (NaN = NaN, -0 != 0). */
export function assertSameArray(
  actual: NdArray,
  expected: Omit<ArrayCase, "file">,
  label: string,
): void {
  assert.equal(actual.dtype, expected.dtype, `${label}: dtype`);
  assert.deepEqual([...actual.shape], expected.shape, `${label}: shape`);
  assert.equal(actual.data.length, expected.values.length, `${label}: length`);
  expected.values.forEach((v, k) => {
    const want = decodeNumber(v);
    assert.ok(
      sameNumber(actual.data[k]!, want),
      `${label}: element ${k} is ${actual.data[k]}, NumPy reads ${want}`,
    );
  });
}

describe("readNpy", () => {
  it("reads every NumPy fixture as np.load does (dtypes, byte orders, Fortran order, versions 1-3)", () => {
    assert.ok(manifest.npy.length >= 20);
    for (const c of manifest.npy) assertSameArray(readNpy(fixtureBytes(c.file)), c, c.file);
  });

  it("gives each dtype the typed array that keeps its values", () => {
    const types: Record<string, string> = {
      "npy/f2.npy": "Float32Array",
      "npy/f4_le.npy": "Float32Array",
      "npy/f8_fortran.npy": "Float64Array",
      "npy/i1.npy": "Int8Array",
      "npy/i2_be.npy": "Int16Array",
      "npy/i4.npy": "Int32Array",
      "npy/i8.npy": "Float64Array",
      "npy/u1.npy": "Uint8Array",
      "npy/u2.npy": "Uint16Array",
      "npy/u4.npy": "Uint32Array",
      "npy/u8.npy": "Float64Array",
      "npy/b1.npy": "Uint8Array",
    };
    for (const [file, type] of Object.entries(types)) {
      assert.equal(readNpy(fixtureBytes(file)).data.constructor.name, type, file);
    }
  });

  it("refuses int64 beyond 2^53, complex, structured and string arrays with one-line errors", () => {
    for (const r of manifest.refuse) {
      const kind = r.error === "TypeError" ? TypeError : RangeError;
      const error = assertOneLineError(
        () => readNpy(fixtureBytes(r.file), { source: r.file }),
        /./,
        kind,
      );
      assert.ok(error.message.includes(r.message), `${r.file}: ${error.message}`);
      assert.ok(error.message.startsWith(r.file), error.message);
    }
  });

  it("converts to float32 or float64 only when asked, and then exactly for integers", () => {
    const bytes = fixtureBytes("npy/labels_i8.npy");
    const native = readNpy(bytes);
    assert.equal(native.dtype, "int64");
    const f32 = readNpy(bytes, { convertTo: "float32" });
    assert.equal(f32.dtype, "float32");
    assert.ok(f32.data instanceof Float32Array);
    assert.deepEqual([...f32.data], [...native.data]);
    const f64 = readNpy(fixtureBytes("npy/f4_le.npy"), { convertTo: "float64" });
    assert.ok(f64.data instanceof Float64Array);
    assert.deepEqual([...f64.data], [...readNpy(fixtureBytes("npy/f4_le.npy")).data]);
  });

  it("reads a Node Buffer, which is a view into a shared pool, without seeing the rest of the pool", () => {
    for (const c of manifest.npy) {
      const buffer = readFileSync(new URL(c.file, DATA_FIXTURES));
      assertSameArray(readNpy(buffer), c, `${c.file} (Buffer)`);
    }
  });

  it("does not share memory with the file's bytes", () => {
    const bytes = fixtureBytes("npy/f4_le.npy");
    const array = readNpy(bytes);
    assert.notEqual(array.data.buffer, bytes.buffer);
  });

  it("rejects bytes that are not .npy, extra bytes, and bad arguments", () => {
    assertOneLineError(
      () => readNpy(new TextEncoder().encode("x,y\n1,2\n")),
      /not a \.npy file/,
      TypeError,
    );
    const bytes = fixtureBytes("npy/f4_le.npy");
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    assertOneLineError(
      () => readNpy(longer),
      /3 bytes after the data of shape \(2, 3\)/,
      RangeError,
    );
    assertOneLineError(() => readNpy([1, 2] as unknown as Uint8Array), /Uint8Array/, TypeError);
    assertOneLineError(
      () => readNpy(bytes, { convertTo: "int8" as "float32" }),
      /float32/,
      RangeError,
    );
  });

  it("names the problem in a truncated file", () => {
    const bytes = fixtureBytes("npy/f8_fortran.npy");
    assertOneLineError(
      () => readNpy(bytes.subarray(0, bytes.length - 1), { source: "cut.npy" }),
      /^cut\.npy: truncated \.npy file: shape \(3, 4\) of <f8 needs 96 bytes of data, found 95$/,
      RangeError,
    );
    assertOneLineError(
      () => readNpy(bytes.subarray(0, 40)),
      /truncated \.npy file: the header says/,
      RangeError,
    );
    assertOneLineError(() => readNpy(bytes.subarray(0, 7)), /truncated/, RangeError);
  });

  it("reads headers NumPy's parser accepts: double quotes, other key order, lists, Python 2 longs", () => {
    const make = (header: string, data: number[]) => {
      const text = `${header}\n`;
      const out = new Uint8Array(10 + text.length + data.length);
      out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
      new DataView(out.buffer).setUint16(8, text.length, true);
      out.set(new TextEncoder().encode(text), 10);
      out.set(data, 10 + text.length);
      return out;
    };
    const a = readNpy(make(`{"shape": (2L, 1L), "fortran_order": False, "descr": "|u1"}`, [4, 5]));
    assert.deepEqual([...a.shape], [2, 1]);
    assert.deepEqual([...a.data], [4, 5]);
    const b = readNpy(make(`{'descr':'u1','fortran_order':True,'shape':(1,2,),}`, [6, 7]));
    assert.deepEqual([...b.data], [6, 7]);
    assertOneLineError(
      () => readNpy(make(`{'descr': '|u1', 'shape': (2,)}`, [1, 2])),
      /missing key 'fortran_order'/,
      RangeError,
    );
    assertOneLineError(
      () =>
        readNpy(make(`{'descr': '|u1', 'fortran_order': False, 'shape': (2,), 'x': 1}`, [1, 2])),
      /unknown key "x"/,
      RangeError,
    );
    assertOneLineError(
      () =>
        readNpy(
          make(`{'descr': '<u2', 'fortran_order': False, 'shape': (99999999999999999999,)}`, []),
        ),
      /more than 17 digits/,
      RangeError,
    );
    assertOneLineError(
      () =>
        readNpy(
          make(`{'descr': '<u2', 'fortran_order': False, 'shape': (99999999999, 99999999999)}`, []),
        ),
      /more than 2\^53 elements/,
      RangeError,
    );
    assertOneLineError(
      () => readNpy(make(`{'descr': '|f4', 'fortran_order': False, 'shape': (0,)}`, [])),
      /no byte order/,
      RangeError,
    );
  });
});
