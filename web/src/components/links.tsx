// Mantine components as typed router links (to/params/search are checked against the route tree).
import {
  Anchor,
  Button,
  NavLink,
  UnstyledButton,
  type AnchorProps,
  type ButtonProps,
  type NavLinkProps,
  type UnstyledButtonProps,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

function ButtonAnchor(props: ButtonProps & Omit<ComponentPropsWithRef<'a'>, keyof ButtonProps>) {
  return <Button component="a" {...props} />;
}

function AnchorAnchor(props: AnchorProps & Omit<ComponentPropsWithRef<'a'>, keyof AnchorProps>) {
  return <Anchor {...props} />;
}

function NavLinkAnchor(props: NavLinkProps & Omit<ComponentPropsWithRef<'a'>, keyof NavLinkProps>) {
  return <NavLink component="a" {...props} />;
}

function UnstyledAnchor(props: UnstyledButtonProps & Omit<ComponentPropsWithRef<'a'>, keyof UnstyledButtonProps>) {
  return <UnstyledButton component="a" {...props} />;
}

export const ButtonLink = createLink(ButtonAnchor);
export const AnchorLink = createLink(AnchorAnchor);
export const NavLinkLink = createLink(NavLinkAnchor);
export const UnstyledLink = createLink(UnstyledAnchor);
