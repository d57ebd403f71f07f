"use client";
import { useActionState } from "react";
import { Field, Notice } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

export type SignUpState = {
  error?: string;
  field?: string;
  name?: string;
  handle?: string;
  email?: string;
} | null;

/** `signUpAction` is the page's server action (components never import from app/). */
export function SignUpForm({
  passwordMin,
  signUpAction,
}: {
  passwordMin: number;
  signUpAction: (prev: SignUpState, form: FormData) => Promise<SignUpState>;
}) {
  const [state, action, pending] = useActionState(signUpAction, null);
  const err = (field: string) => (state?.field === field ? state.error : null);
  return (
    <>
      {state?.error && !["name", "handle", "email", "password"].includes(state.field ?? "") ? (
        <Notice tone="error">{state.error}</Notice>
      ) : null}
      <form action={action} className="mt-6 space-y-4" noValidate>
        <Field
          label="Display name"
          name="name"
          id="name"
          autoComplete="nickname"
          required
          maxLength={50}
          hint="Shown beside your comments. At most 50 characters."
          error={err("name")}
          defaultValue={state?.name}
          key={`name-${state?.name ?? ""}`}
        />
        <Field
          label="Profile address (optional)"
          name="handle"
          id="handle"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={30}
          hint="Your public profile: /readers/your-address. 3-30 lowercase letters, digits or hyphens; we make one from your name if you leave it empty."
          error={err("handle")}
          defaultValue={state?.handle}
          key={`handle-${state?.handle ?? ""}`}
        />
        <Field
          label="Email"
          name="email"
          id="email"
          type="email"
          autoComplete="email"
          required
          hint="We send a link to confirm it before your first comment or vote."
          error={err("email")}
          defaultValue={state?.email}
          key={`email-${state?.email ?? ""}`}
        />
        <Field
          label="Password"
          name="password"
          id="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={passwordMin}
          hint={`At least ${passwordMin} characters; common passwords are refused.`}
          error={err("password")}
        />
        <button type="submit" className={buttonClass()} aria-disabled={pending || undefined}>
          Create account
        </button>
      </form>
    </>
  );
}
