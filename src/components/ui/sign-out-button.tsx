"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/logga-in" })}
      className="min-h-11 rounded-md border border-white/40 px-3 text-sm font-medium text-white hover:bg-white/10"
    >
      Logga ut
    </button>
  );
}
