import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../renderer/stores/document/json-syntax';

describe('JSON syntax errors', () => {
  it('valid JSON has none', () => {
    for (const text of ['{}', '[1, 2.5e3, -0.1]', '{"a": {"b": [true, false, null, "x\\"y"]}}', ' "s" ']) expect(findJsonSyntaxError(text)).toBeNull();
  });

  it('names line, column and what was expected', () => {
    expect(findJsonSyntaxError('{\n  "version": 1,\n  "nodes": [,]\n}\n')).toMatchObject({ line: 3, column: 13, message: 'expected a value, found ","' });
    expect(findJsonSyntaxError('{"a": 1,}')).toMatchObject({ line: 1, column: 9, message: 'expected a property name in double quotes, found "}"' });
    expect(findJsonSyntaxError('{"a" 1}')).toMatchObject({ column: 6, message: 'expected \':\' after the property name, found "1"' });
    expect(findJsonSyntaxError('[1 2]')).toMatchObject({ column: 4, message: 'expected \',\' or \']\', found "2"' });
    expect(findJsonSyntaxError('{"a": "open')?.message).toBe('a string that is never closed');
    expect(findJsonSyntaxError('{} x')?.message).toBe('unexpected "x" after the end of the JSON value');
    expect(findJsonSyntaxError('')?.message).toBe('expected a value, found the end of the file');
  });

  it('agrees with JSON.parse on what is valid', () => {
    const samples = ['{"a":[1,{"b":2}]}', '{"a":01}', '[.5]', '[1,]', '{"a":tru}', '"\\u0041"', '[1e5, -2E-3]', '{"a":1}}'];
    for (const s of samples) {
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      expect(findJsonSyntaxError(s) === null, s).toBe(valid);
    }
  });

  it('shows the line with a caret under the column', () => {
    expect(findJsonSyntaxError('{\n  "x": ]\n}')?.excerpt).toBe('  "x": ]\n       ^');
  });
});
