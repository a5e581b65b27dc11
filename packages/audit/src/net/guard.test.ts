import { describe, expect, it } from "vitest";
import { isForbiddenAddress } from "./guard.ts";
import { parseResolve } from "./resolve.ts";

describe("SSRF guard", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "100.100.100.200",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fc00::1",
    "fd00:ec2::254",
    "fe80::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:169.254.169.254",
    "::ffff:10.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "2002:c0a8:0101::1",
    "[::1]",
    "localhost",
  ])("refuses %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });
  it.each([
    "8.8.8.8",
    "93.158.134.3",
    "172.32.0.1",
    "100.128.0.1",
    "2a00:1450:4010:c05::65",
    "::ffff:8.8.8.8",
  ])("allows %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe("--resolve", () => {
  it("parses HOST:ADDRESS, IPv6 and curl's HOST:PORT:ADDRESS", () => {
    expect([...parseResolve(["Site.Test:127.0.0.1", "v6.test:[::1]", "c.test:443:10.0.0.2"])]).toEqual([
      ["site.test", "127.0.0.1"],
      ["v6.test", "::1"],
      ["c.test", "10.0.0.2"],
    ]);
    expect(() => parseResolve(["nohost"])).toThrow();
    expect(() => parseResolve(["a.test:not-an-ip"])).toThrow();
  });
});
