import type { ButtonHTMLAttributes, Ref } from 'react';
import { Link, type LinkProps } from 'react-router-dom';
import { cx } from './cx';

type Variant = 'primary' | 'secondary' | 'subtle';
const variantClass: Record<Variant, string> = {
  primary: 'utrecht-button--primary-action',
  secondary: 'utrecht-button--secondary-action',
  subtle: 'utrecht-button--subtle',
};

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  busy?: boolean;
  danger?: boolean;
  large?: boolean;
  ref?: Ref<HTMLButtonElement>;
};

/** NL Design System button; `busy` keeps it focusable but announces and blocks double submits. */
export function Button({
  variant = 'secondary',
  busy = false,
  danger = false,
  large = false,
  className,
  type = 'button',
  onClick,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      aria-busy={busy || undefined}
      onClick={busy ? (e) => e.preventDefault() : onClick}
      className={cx(
        'utrecht-button',
        variantClass[variant],
        busy && 'utrecht-button--busy',
        danger && 'utrecht-button--danger',
        large && 'wb-button--large',
        className,
      )}
    />
  );
}

type ButtonLinkProps = LinkProps & { variant?: Variant; large?: boolean };

/** A router link that looks like a button (utrecht-button-link). */
export function ButtonLink({ variant = 'secondary', large = false, className, ...rest }: ButtonLinkProps) {
  const variantName =
    variant === 'primary' ? 'primary-action' : variant === 'secondary' ? 'secondary-action' : 'subtle';
  return (
    <Link
      {...rest}
      className={cx(
        'utrecht-button-link',
        'utrecht-button-link--html-a',
        `utrecht-button-link--${variantName}`,
        large && 'wb-button--large',
        className,
      )}
    />
  );
}
