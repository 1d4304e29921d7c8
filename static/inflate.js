// gunzip for the single-file edition in browsers without DecompressionStream (older WebViews in
// chat apps, Safari before 16.4): a small DEFLATE decoder (RFC 1951, after zlib's puff.c) behind
// a gzip header reader (RFC 1952). scripts/single_file.py inlines this file; it is slower than
// the browser's own decoder (about 0.1 s for the app's wasm) and used only where that is missing.
function gunzip(src) {
  if (src[0] !== 0x1f || src[1] !== 0x8b || src[2] !== 8) throw new Error('gunzip: not gzip');
  const flags = src[3];
  let pos = 10;
  if (flags & 4) pos += 2 + (src[pos] | (src[pos + 1] << 8));
  if (flags & 8) while (src[pos++] !== 0);
  if (flags & 16) while (src[pos++] !== 0);
  if (flags & 2) pos += 2;
  let bitbuf = 0;
  let bitcnt = 0;
  let out = new Uint8Array(src.length * 3);
  let len = 0;
  const put = (b) => {
    if (len === out.length) {
      const grown = new Uint8Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[len++] = b;
  };
  const bits = (n) => {
    while (bitcnt < n) {
      if (pos >= src.length) throw new Error('gunzip: unexpected end of data');
      bitbuf |= src[pos++] << bitcnt;
      bitcnt += 8;
    }
    const value = bitbuf & ((1 << n) - 1);
    bitbuf >>>= n;
    bitcnt -= n;
    return value;
  };
  const table = (lengths) => {
    const counts = new Uint16Array(16);
    const offsets = new Uint16Array(16);
    for (const l of lengths) counts[l]++;
    counts[0] = 0;
    for (let i = 1; i < 16; i++) offsets[i] = offsets[i - 1] + counts[i - 1];
    const symbols = new Uint16Array(lengths.length);
    lengths.forEach((l, symbol) => { if (l) symbols[offsets[l]++] = symbol; });
    return { counts, symbols };
  };
  const decode = (h) => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let l = 1; l < 16; l++) {
      code |= bits(1);
      const count = h.counts[l];
      if (code - count < first) return h.symbols[index + (code - first)];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new Error('gunzip: invalid code');
  };
  const LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  const LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  const DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
  const DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  const codes = (lengthCodes, distCodes) => {
    for (;;) {
      let symbol = decode(lengthCodes);
      if (symbol < 256) put(symbol);
      else if (symbol === 256) return;
      else {
        symbol -= 257;
        if (symbol >= 29) throw new Error('gunzip: invalid length');
        const n = LBASE[symbol] + bits(LEXT[symbol]);
        const d = decode(distCodes);
        if (d >= 30) throw new Error('gunzip: invalid distance');
        const distance = DBASE[d] + bits(DEXT[d]);
        if (distance > len) throw new Error('gunzip: distance too far back');
        for (let i = 0; i < n; i++) put(out[len - distance]);
      }
    }
  };
  const fixed = () => {
    const lengths = new Uint8Array(288);
    lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    return [table(lengths), table(new Uint8Array(30).fill(5))];
  };
  const dynamic = () => {
    const nlen = bits(5) + 257;
    const ndist = bits(5) + 1;
    const ncode = bits(4) + 4;
    const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    const codeLengths = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) codeLengths[order[i]] = bits(3);
    const lencode = table(codeLengths);
    const lengths = new Uint8Array(nlen + ndist);
    for (let i = 0; i < nlen + ndist;) {
      const symbol = decode(lencode);
      if (symbol < 16) { lengths[i++] = symbol; continue; }
      let value = 0;
      let repeat;
      if (symbol === 16) {
        if (i === 0) throw new Error('gunzip: repeat with no first length');
        value = lengths[i - 1];
        repeat = 3 + bits(2);
      } else if (symbol === 17) repeat = 3 + bits(3);
      else repeat = 11 + bits(7);
      if (i + repeat > nlen + ndist) throw new Error('gunzip: too many lengths');
      while (repeat--) lengths[i++] = value;
    }
    return [table(lengths.subarray(0, nlen)), table(lengths.subarray(nlen))];
  };
  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitbuf = 0;
      bitcnt = 0;
      const n = src[pos] | (src[pos + 1] << 8);
      if (pos + 4 + n > src.length) throw new Error('gunzip: unexpected end of data');
      pos += 4;
      for (let i = 0; i < n; i++) put(src[pos++]);
    } else if (type === 1) codes(...fixed());
    else if (type === 2) codes(...dynamic());
    else throw new Error('gunzip: invalid block type');
  }
  return out.subarray(0, len);
}
