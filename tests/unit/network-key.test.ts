// Hole 1 (issue 12): every per-network limit keys IPv4 by address and IPv6 by its /64.
import { describe, expect, it } from "vitest";
import { networkKey } from "@/lib/http/client";

describe("networkKey (hole 1: IPv6 rotation inside one /64)", () => {
  it("keeps an IPv4 address as it is", () => {
    expect(networkKey("203.0.113.77")).toBe("203.0.113.77");
    expect(networkKey(" 203.0.113.77 ")).toBe("203.0.113.77");
  });
  it("counts IPv4-mapped IPv6 as the IPv4 address", () => {
    expect(networkKey("::ffff:203.0.113.77")).toBe("203.0.113.77");
    expect(networkKey("0:0:0:0:0:ffff:203.0.113.77")).toBe("203.0.113.77");
  });
  it("gives every address of one /64 the same key, however it is spelled", () => {
    const keys = new Set(
      [
        "2001:db8:6:1:1234:5678:9abc:def0",
        "2001:db8:6:1::1",
        "2001:0db8:0006:0001:ffff:0:0:1",
        "2001:DB8:6:1::ABCD",
        "[2001:db8:6:1::2]",
        "2001:db8:6:1::3%eth0",
        "2001:db8:6:1::1.2.3.4",
      ].map(networkKey),
    );
    expect([...keys]).toEqual(["2001:db8:6:1::/64"]);
  });
  it("keeps different /64s apart", () => {
    expect(networkKey("2001:db8:6:2::1")).not.toBe(networkKey("2001:db8:6:1::1"));
    expect(networkKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(networkKey("::1")).toBe("0:0:0:0::/64");
  });
  it("passes anything that is not an address through as its own key", () => {
    expect(networkKey("unknown")).toBe("unknown");
  });
});
