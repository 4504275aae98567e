/**
 * @tarojs/components for jest: each Taro component as the plain element it renders in H5, with
 * Taro's event shapes (`onInput` gets `{detail: {value}}`), so component tests drive real DOM.
 */
import type { ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode; className?: string };

function passThrough(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || key === 'onInput' || key === 'onConfirm' || key === 'hoverClass') continue;
    if (key === 'className' || key.startsWith('data-') || key.startsWith('aria-') || key === 'role' || key === 'id') {
      out[key] = value;
    }
  }
  return out;
}

function clickable(props: Props) {
  return props.onClick ? { onClick: props.onClick as () => void } : {};
}

export function View(props: Props) {
  return (
    <div {...passThrough(props)} {...clickable(props)}>
      {props.children}
    </div>
  );
}

export function ScrollView(props: Props) {
  return <View {...props} />;
}

export function Text(props: Props) {
  return (
    <span {...passThrough(props)} {...clickable(props)}>
      {props.children}
    </span>
  );
}

export function Button(props: Props & { disabled?: boolean; loading?: boolean }) {
  return (
    <button type="button" {...passThrough(props)} {...clickable(props)} disabled={Boolean(props.disabled)}>
      {props.children}
    </button>
  );
}

function fieldProps(props: Props) {
  const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined;
  return {
    ...passThrough(props),
    value: (props.value as string | undefined) ?? '',
    placeholder: props.placeholder as string | undefined,
    maxLength: props.maxlength as number | undefined,
    disabled: Boolean(props.disabled),
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
  };
}

export function Input(props: Props) {
  return <input type={(props.type as string) === 'number' ? 'number' : 'text'} {...fieldProps(props)} />;
}

export function Textarea(props: Props) {
  return <textarea {...fieldProps(props)} />;
}

export function Image(props: Props & { src?: string }) {
  return <img alt="" {...passThrough(props)} src={props.src} />;
}

export function Navigator(props: Props) {
  return <View {...props} />;
}
