// Success and failure toasts with one look across the app.
import { notifications } from '@mantine/notifications';
import { createElement, type ReactNode } from 'react';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { errorMessage } from '../api/problem.ts';

export function notifySuccess(title: string, message?: ReactNode, id?: string): void {
  notifications.show({ id, title, message: message ?? '', color: 'teal', icon: createElement(IconCheck, { size: 18 }), autoClose: 4000 });
}

export function notifyError(error: unknown, title = 'Something went wrong'): void {
  notifications.show({
    title,
    message: errorMessage(error),
    color: 'red',
    icon: createElement(IconAlertTriangle, { size: 18 }),
    autoClose: 7000,
  });
}
