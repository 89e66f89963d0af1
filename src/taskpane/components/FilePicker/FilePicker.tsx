/**
 * A button that opens the browser's file chooser. The input itself stays in
 * the page (visually hidden, out of the tab order) so the button is what
 * keyboard and screen-reader users meet; the file is read here, never uploaded.
 */
import { useRef, type ReactElement } from 'react';
import { Button, makeStyles, type ButtonProps } from '@fluentui/react-components';

const useStyles = makeStyles({
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export interface FilePickerProps {
  label: string;
  accept: string;
  /** The files chosen: one, or several where `multiple` allows. */
  onFiles(files: File[]): void;
  multiple?: boolean;
  disabled?: boolean;
  icon?: ReactElement;
  appearance?: ButtonProps['appearance'];
  /** Names the input for tests and for aria-describedby on the button. */
  inputId: string;
  describedBy?: string;
}

export function FilePicker(props: FilePickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        appearance={props.appearance ?? 'secondary'}
        icon={props.icon}
        disabledFocusable={props.disabled}
        aria-describedby={props.describedBy}
        onClick={() => input.current?.click()}
      >
        {props.label}
      </Button>
      <input
        ref={input}
        id={props.inputId}
        data-testid={props.inputId}
        className={styles.hidden}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared so choosing the same file again (after fixing it) fires again.
          e.currentTarget.value = '';
          if (files.length) props.onFiles(files);
        }}
      />
    </>
  );
}
