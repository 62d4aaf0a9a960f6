#!/usr/bin/env python3
"""png_probe.py: reads pixels of a screenshot for tests/html_render.sh, with nothing but
Python's zlib (8-bit RGB or RGBA PNG, not interlaced, as Chromium writes them).

  png_probe.py FILE size                 width and height
  png_probe.py FILE band RGB             the rows (first last) of a full-width band of that
                                         colour at the top of the page, and its left/right x
  png_probe.py FILE contrast X Y W H     the contrast ratio (WCAG) of the region's darkest
                                         pixel against its lightest
  png_probe.py FILE dark X Y W H         how many of the region's pixels are darker than mid grey
  png_probe.py FILE bars FILL BORDER     each bar drawn in FILL inside a box with a BORDER
                                         of one pixel, top to bottom: "filled inner" in pixels
  png_probe.py FILE strip X0 X1 Y0 Y1    how many pixels in the strip are not white
Colours are hex, "2b5f91"."""
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("png_probe: %s is no PNG" % path)
    pos, idat = 8, []
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[0:4], "big"), int.from_bytes(body[4:8], "big")
            depth, colour, interlace = body[8], body[9], body[12]
            if depth != 8 or colour not in (2, 6) or interlace:
                sys.exit("png_probe: only 8-bit RGB(A), not interlaced")
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def hexrgb(h):
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def main():
    path, what, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    width, height, bpp, rows = read_png(path)

    def px(x, y):
        r = rows[y]
        return r[x * bpp], r[x * bpp + 1], r[x * bpp + 2]

    def near(c, want, tol=24):
        return all(abs(a - b) <= tol for a, b in zip(c, want))

    def lum(c):
        def chan(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * chan(c[0]) + 0.7152 * chan(c[1]) + 0.0722 * chan(c[2])

    if what == "size":
        print(width, height)
    elif what == "band":
        want = hexrgb(args[0])
        xs = [x for x in range(width) if near(px(x, 2), want, 2)]
        if not xs:
            print("none")
            return
        x = xs[0] + 3  # inside the band's padding, where no text is
        y = 2
        while y + 1 < height and near(px(x, y + 1), want, 2):
            y += 1
        print(2, y, xs[0], xs[-1])
    elif what in ("contrast", "dark"):
        x0, y0, w, h = map(int, args)
        ls = [lum(px(x, y)) for y in range(y0, y0 + h) for x in range(x0, x0 + w)]
        if what == "dark":
            print(sum(1 for v in ls if v < 0.2))
        else:
            print("%.2f" % ((max(ls) + 0.05) / (min(ls) + 0.05)))
    elif what == "bars":
        fill, border = hexrgb(args[0]), hexrgb(args[1])
        solid = bytes(fill) + (b"\xff" if bpp == 4 else b"")
        y = 0
        while y < height:
            if solid not in rows[y]:  # a quick look first: most rows have no bar
                y += 1
                continue
            # a run of the fill that starts right after the box's left border
            xs = [x for x in range(1, width) if near(px(x, y), fill, 6)
                  and near(px(x - 1, y), border, 10)]
            if not xs:
                y += 1
                continue
            top, start = y, xs[0]
            while y < height and near(px(start, y), fill, 6):
                y += 1
            mid, left = (top + y) // 2, start - 1
            right = start
            while right < width - 1 and not near(px(right, mid), border, 10):
                right += 1
            # the fill's last column may be blended with the track: count it by half
            filled = sum(1.0 if near(px(x, mid), fill, 6) else 0.5 if near(px(x, mid), fill, 60)
                         else 0 for x in range(left + 1, right))
            print("%g %d" % (filled, right - left - 1))
    elif what == "strip":
        x0, x1, y0, y1 = map(int, args)
        print(sum(1 for y in range(y0, y1) for x in range(x0, x1) if px(x, y) != (255, 255, 255)))


main()
